import { Worker } from 'node:worker_threads';
const w = new Worker(new URL('./boot.mjs', import.meta.url), { execArgv: process.argv[2] ? [process.argv[2]] : [] });
w.on('message', (m) => { console.log(m); w.terminate(); });
w.on('error', (e) => console.log('ERR', e.message));
