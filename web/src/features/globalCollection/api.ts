import type { GlobalCollectionQuery } from '@seamless/contracts';
import { download } from '../caseRecord/api';
import { exportPath } from './exportRequest';

export const globalCollectionApi = {
  download: (query: GlobalCollectionQuery) => download(exportPath(query), `global-collection.${query.format}`),
};
