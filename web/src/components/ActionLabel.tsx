import { VisuallyHidden } from '@mantine/core';

interface ActionLabelProps {
  /** The short word shown on the button: "Edit", "Details". */
  label: string;
  /** Which one it acts on, for screen readers: the row's name. */
  subject: string;
}

/**
 * A button's visible word followed by what it acts on, the latter heard but not shown. The spoken
 * name then begins with the visible word, so someone who says "click Edit" to speech control
 * reaches it (WCAG 2.5.3), and a screen reader still tells the rows' buttons apart.
 */
export function ActionLabel({ label, subject }: ActionLabelProps) {
  return (
    <>
      {label}
      <VisuallyHidden> {subject}</VisuallyHidden>
    </>
  );
}
