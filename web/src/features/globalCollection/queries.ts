import { useMutation } from '@tanstack/react-query';
import { globalCollectionApi } from './api';

export const useDownloadGlobalCollection = () => useMutation({ mutationFn: globalCollectionApi.download });
