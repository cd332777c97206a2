export function OpenFromPipedriveScreen() {
  return (
    <main className="screen centered">
      <h1>Open this app from Pipedrive</h1>
      <p>
        This is a Pipedrive calling window. It works inside Pipedrive only: open it from the apps dock in the top bar,
        or click a phone number in Pipedrive.
      </p>
      <p className="muted">If you came here from Pipedrive, your sign-in link may have expired. Reopen the window there.</p>
    </main>
  );
}
