/**
 * Each call comes from its own client address (CF-Connecting-IP, which `wrangler dev` keeps when a client
 * sends it), as each phone would, so the per-address limits of sign-in and registration only meet the
 * tests that name one address on purpose. The addresses are IPv6 documentation ones (2001:db8::/32, RFC
 * 3849), only ever written in a header.
 */
export function clientAddress(): string {
  const [a, b] = crypto.getRandomValues(new Uint16Array(2));
  return `2001:db8::${a!.toString(16)}:${b!.toString(16)}`;
}
