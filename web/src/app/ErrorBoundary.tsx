import { Alert, Button, Center, Stack, Text } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function Crashed() {
  const { t } = useTranslation();
  return (
    <Center mih="60vh" p="md">
      <Alert color="red" title={t('shell.crashed.title')} role="alert" maw={520}>
        <Stack gap="sm" align="flex-start">
          <Text>{t('shell.crashed.body')}</Text>
          <Button onClick={() => window.location.assign('/')}>{t('shell.crashed.reload')}</Button>
        </Stack>
      </Alert>
    </Center>
  );
}

/** A screen that throws shows a way back instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('screen failed', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <Crashed /> : this.props.children;
  }
}
