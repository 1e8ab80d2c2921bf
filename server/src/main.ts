import cluster from 'node:cluster';
import { runClusterPrimary } from './clusterPrimary.js';
import { loadConfig } from './config.js';
import { serveProcess } from './serveProcess.js';

const config = loadConfig();
if (config.workers > 1 && cluster.isPrimary) await runClusterPrimary(config);
else await serveProcess(config, { bootstrap: cluster.isPrimary });
