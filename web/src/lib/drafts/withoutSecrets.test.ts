import { describe, expect, it } from 'vitest';
import { withoutSecrets } from './withoutSecrets';

describe('withoutSecrets', () => {
  const values = { username: 'somchai', password: 'hunter2-long', locale: 'th' };

  it('leaves the named secrets out and keeps everything else', () => {
    expect(withoutSecrets(values, ['password'])).toEqual({ username: 'somchai', locale: 'th' });
    expect(JSON.stringify(withoutSecrets(values, ['password']))).not.toContain('hunter2');
  });

  it('does not change the values it was given', () => {
    withoutSecrets(values, ['password']);
    expect(values.password).toBe('hunter2-long');
  });

  it('keeps all values when nothing is secret', () => {
    expect(withoutSecrets(values, [])).toEqual(values);
  });
});
