import type { ReactNode } from 'react';

// The picture shown when a public page is shared (OpenGraph and Twitter cards), drawn by next/og.
// Its built-in font covers Latin script only, so the card uses the English names in every language.

export const socialCardSize = { width: 1200, height: 630 };

export function SocialCard({ eyebrow, title, subtitle, facts }: { eyebrow: string; title: string; subtitle?: string; facts: ReactNode[] }) {
  return (
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: '64px 72px',
        background: '#f7f8fa',
        color: '#0f172a',
        borderTop: '16px solid #1d4ed8',
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, fontSize: 28, color: '#334155' }}>
        <div style={{ width: 44, height: 44, borderRadius: 10, background: '#1d4ed8', display: 'flex' }} />
        {eyebrow}
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 20 }}>
        <div style={{ fontSize: title.length > 48 ? 60 : 72, fontWeight: 700, lineHeight: 1.1, letterSpacing: -1 }}>{title}</div>
        {subtitle ? <div style={{ fontSize: 32, color: '#5b6577' }}>{subtitle}</div> : null}
      </div>
      <div style={{ display: 'flex', gap: 16, fontSize: 26 }}>
        {facts.map((fact, i) => (
          <div key={i} style={{ display: 'flex', padding: '8px 18px', borderRadius: 999, background: '#eff4ff', color: '#1d4ed8' }}>
            {fact}
          </div>
        ))}
      </div>
    </div>
  );
}
