import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';

interface SearchFieldProps {
  label: string;
  placeholder?: string;
  value: string | undefined;
  onSearch: (text: string | undefined) => void;
}

/** A search box that asks the server only once typing pauses. */
export function SearchField({ label, placeholder, value, onSearch }: SearchFieldProps) {
  const [text, setText] = useState(value ?? '');
  const search = useDebouncedCallback((next: string) => onSearch(next.trim() || undefined), 300);

  // Follow the URL when it changes from outside, e.g. with the browser's back button.
  useEffect(() => setText(value ?? ''), [value]);

  return (
    <TextInput
      type="search"
      label={label}
      placeholder={placeholder}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        search(event.currentTarget.value);
      }}
      w={{ base: '100%', sm: 320 }}
    />
  );
}
