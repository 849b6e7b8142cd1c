import type { ReactNode } from 'react';

export const settingsRoutes: { path: string; element: ReactNode }[] = [];
