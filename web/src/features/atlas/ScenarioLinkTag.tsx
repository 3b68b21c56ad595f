import { Link } from 'react-router';
import { scenarioPath } from './atlas-ui.ts';

/** A scenario named by code and name, linking to its page. */
export function ScenarioLink({
  code,
  name,
  packQuery,
}: {
  code: string;
  name: string | undefined;
  packQuery: string;
}) {
  return (
    <Link to={scenarioPath(code, packQuery)}>
      <span style={{ fontFamily: 'monospace', fontSize: 12 }}>{code}</span> {name ?? ''}
    </Link>
  );
}
