import { Avatar, type MantineSize } from '@mantine/core';

/** Initials on a colour picked from the name: the same person always looks the same. Decorative: the name is written next to it. */
export function NameAvatar({ name, size = 'md', square = false }: { name: string; size?: MantineSize | number; square?: boolean }) {
  return <Avatar name={name} color="initials" size={size} radius={square ? 'md' : 'xl'} variant="light" aria-hidden />;
}
