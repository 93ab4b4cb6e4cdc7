/** Colour of each run of a race (charts, panels, legend), one per possible run. */
export const RUN_COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd'] as const;

/** The name a run goes by on the page and in the legend. */
export const runName = (index: number) => `run ${index + 1}`;
