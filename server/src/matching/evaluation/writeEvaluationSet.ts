import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildEvaluationSet, EVALUATION_SET_FILE } from './buildEvaluationSet.js';

/** `npm run evaluation-set -w server`: writes the labelled cross-script evaluation set to evaluationSet.json. */
const set = buildEvaluationSet();
fs.writeFileSync(EVALUATION_SET_FILE, `${JSON.stringify(set, null, 1)}\n`);
const targets = new Set(set.records.filter((record) => record.role === 'target').map((record) => record.person)).size;
const distractors = new Set(set.records.filter((record) => record.role === 'distractor').map((record) => record.person)).size;
console.info(`${fileURLToPath(EVALUATION_SET_FILE)}: ${set.pairs.length} pairs of ${targets} persons, ${distractors} distractors`);
