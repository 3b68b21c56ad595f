import { Card } from 'antd';
import type { ReactNode } from 'react';

/** A page of one card centred on the brand gradient: sign-in, choosing a password, accepting an invitation. */
export function CenteredCardPage({
  maxWidth,
  testId,
  children,
}: {
  maxWidth: number;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #eef3fb 0%, #f7f9fc 60%)',
      }}
    >
      <Card style={{ width: '100%', maxWidth }} data-testid={testId}>
        {children}
      </Card>
    </main>
  );
}
