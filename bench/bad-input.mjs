// Placeholder until the bad-input suite lands.
export function badInputCases() {
  return [];
}
