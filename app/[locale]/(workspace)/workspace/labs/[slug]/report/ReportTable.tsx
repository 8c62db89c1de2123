import clsx from 'clsx';
import type { ReactNode } from 'react';

/**
 * A table of the status report: a real table on wider screens and in print, one block per row on
 * phones (each cell then says which column it is). The first cell names the row.
 */
export function ReportTable({
  labelledBy,
  columns,
  rows,
  empty,
}: {
  labelledBy: string;
  columns: { label: string; numeric?: boolean }[];
  rows: { key: string | number; cells: ReactNode[] }[];
  empty: string;
}) {
  if (rows.length === 0) return <p className="text-sm text-muted">{empty}</p>;
  return (
    <table className="w-full text-left text-sm" aria-labelledby={labelledBy}>
      <thead className="hidden text-xs uppercase tracking-wide text-muted sm:table-header-group print:table-header-group">
        <tr>
          {columns.map((c, i) => (
            <th key={c.label} scope="col" className={clsx('py-2 font-medium', i === 0 ? 'pr-3' : 'px-3', c.numeric && 'text-right')}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-line border-t border-line">
        {rows.map((row) => (
          <tr key={row.key} className="block py-2.5 sm:table-row sm:py-0 print:table-row">
            {row.cells.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row" className="block pr-3 align-top font-medium text-ink sm:table-cell sm:py-2.5 print:table-cell">
                  {cell}
                </th>
              ) : (
                <td
                  key={i}
                  className={clsx(
                    'mt-1 block align-top text-ink-soft sm:mt-0 sm:table-cell sm:px-3 sm:py-2.5 print:table-cell',
                    columns[i]?.numeric && 'sm:text-right',
                  )}
                >
                  <span className="text-xs text-muted sm:hidden print:hidden">{columns[i]?.label}: </span>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
