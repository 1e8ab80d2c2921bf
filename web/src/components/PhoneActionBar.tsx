import type { ReactNode } from 'react';
import { usePhoneLayout } from '../lib/usePhoneLayout';
import classes from './PhoneActionBar.module.css';

interface PhoneActionBarProps {
  children: ReactNode;
  /** Named for screen readers, which announce the bar as a group of the page's or form's actions. */
  label: string;
  /** What the actions are on a wider screen, where they stay in the page's own layout. */
  desktop?: ReactNode;
}

/**
 * A page's or form's main actions on a phone: in a bar at the bottom of the screen, so they stay in reach
 * while a long record or form scrolls. Place it last in the content it closes. On a wider screen it shows
 * `desktop` (nothing when not given), so the desktop layout stays as it was.
 */
export function PhoneActionBar({ children, label, desktop = null }: PhoneActionBarProps) {
  const phone = usePhoneLayout();
  if (!phone) return desktop;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would add a border and a legend this group does not have.
    <div role="group" aria-label={label} className={classes.bar} data-testid="phone-action-bar">
      {children}
    </div>
  );
}
