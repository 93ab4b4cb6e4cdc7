export { runCli, createProgram } from './cli/runCli.js';
export type { CliIo } from './cli/CliIo.js';
export type { RunRecord, RunStatus } from './RunRecord.js';
export { suiteSchema, type Suite, type SuiteInput, type SuiteRun } from './suite/suiteSchema.js';
export { readSuiteFile, parseSuite } from './suite/readSuiteFile.js';
export { checkSuite } from './suite/checkSuite.js';
export { SuiteError } from './suite/SuiteError.js';
export { summarize, type ConfigurationSummary } from './output/summarize.js';
