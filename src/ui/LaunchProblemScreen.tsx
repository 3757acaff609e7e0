// One clear screen per launch failure: what happened and what the user can do about it.
export interface LaunchProblemView {
  kind: string;
  title: string;
  message: string;
  action?: string;
}

export function LaunchProblemScreen({ problem }: { problem: LaunchProblemView }) {
  return (
    <main className="launch-problem" data-testid={`launch-problem-${problem.kind}`}>
      <h1>ClaimReady</h1>
      <section role="alert" className="card card--alert">
        <h2>{problem.title}</h2>
        <p>{problem.message}</p>
        {problem.action && (
          <p>
            <strong>What to do:</strong> {problem.action}
          </p>
        )}
      </section>
    </main>
  );
}
