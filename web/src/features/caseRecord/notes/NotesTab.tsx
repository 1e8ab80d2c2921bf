import { SimpleGrid } from '@mantine/core';
import type { CaseDetail } from '@seamless/contracts';
import { AttachmentsCard } from './AttachmentsCard';
import { CommentsCard } from './CommentsCard';

export function NotesTab({ detail }: { detail: CaseDetail }) {
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <CommentsCard detail={detail} />
      <AttachmentsCard detail={detail} />
    </SimpleGrid>
  );
}
