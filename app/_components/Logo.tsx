// The app's mark, in its own module: the public header imports it without pulling in the workspace
// header's client components (importing a module with client components ships them to the browser).
export function Logo() {
  return (
    <svg viewBox="0 0 32 32" aria-hidden className="size-7">
      <rect width="32" height="32" rx="8" fill="#1d4ed8" />
      <circle cx="11" cy="12" r="4" fill="#fff" />
      <circle cx="21" cy="12" r="4" fill="#93c5fd" />
      <path d="M7 23h18" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
      <path d="M7 23l6-4 5 2 7-5" stroke="#bfdbfe" strokeWidth="2" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
