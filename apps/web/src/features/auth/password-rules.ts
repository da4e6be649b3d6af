// The server's rule (better-auth's minimum length, issue 12); checked here too so the form can say so
// before sending.
export const MIN_PASSWORD_LENGTH = 10;

export function passwordProblem(password: string): string | undefined {
  return password.length < MIN_PASSWORD_LENGTH ? `Use at least ${MIN_PASSWORD_LENGTH} characters` : undefined;
}
