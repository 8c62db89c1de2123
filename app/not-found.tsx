import Link from 'next/link';
import './globals.css';

// Only for paths outside any locale (the proxy sends every page path to /en or /zh-CN first).
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body className="grid min-h-screen place-items-center p-6">
        <main className="text-center">
          <h1 className="text-xl font-semibold">Page not found · 页面不存在</h1>
          <p className="mt-3">
            <Link className="text-brand underline" href="/en/labs">
              Public labs
            </Link>
            {' · '}
            <Link className="text-brand underline" href="/zh-CN/labs">
              公开实验室
            </Link>
          </p>
        </main>
      </body>
    </html>
  );
}
