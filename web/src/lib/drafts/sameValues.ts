/** Whether two form states hold the same input: drafts are JSON, so JSON decides. */
export const sameValues = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
