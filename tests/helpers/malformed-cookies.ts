/** Cookie headers that no browser of ours writes, but any client can send (not valid percent-encoding, empty, odd). */
export const MALFORMED_COOKIES = [
  'next-auth.session-token=%',
  'next-auth.session-token=%E0%A4%A',
  'next-auth.session-token=%zz%',
  'next-auth.session-token="%"',
  'next-auth.session-token=',
  'next-auth.session-token',
  'NEXT_LOCALE=%; next-auth.session-token=%ff',
  '=%; ;;; next-auth.session-token=a=b=%',
];
