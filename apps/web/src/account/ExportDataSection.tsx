import { useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { EXPORT_MY_DATA } from '@kindred/api-client';
import { formErrorsFrom } from '../forms/api-errors.util';
import { downloadTextFile, exportFilename, prettyJson } from './download.util';

type ExportState = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; filename: string } | { kind: 'failed'; message: string };

export function ExportDataSection() {
  const client = useApolloClient();
  const [state, setState] = useState<ExportState>({ kind: 'idle' });

  const download = async () => {
    if (state.kind === 'working') return;
    setState({ kind: 'working' });
    try {
      const { data } = await client.query({ query: EXPORT_MY_DATA, fetchPolicy: 'network-only' });
      if (!data) throw new Error('The export was empty.');
      const filename = exportFilename();
      downloadTextFile(filename, prettyJson(data.exportMyData));
      setState({ kind: 'done', filename });
    } catch (error) {
      setState({ kind: 'failed', message: formErrorsFrom(error, []).form ?? 'Your data could not be exported.' });
    }
  };

  return (
    <section className="panel account__section" aria-labelledby="export-title">
      <h2 id="export-title" className="panel__title">
        Your data
      </h2>
      <p>Download everything Kindred holds about you (your account, profile and projects) as a JSON file.</p>
      <button
        type="button"
        className="button button--secondary"
        aria-disabled={state.kind === 'working' || undefined}
        onClick={() => void download()}
      >
        Download my data
      </button>
      <p className="form__saved" role="status">
        {state.kind === 'working' ? 'Preparing your file…' : state.kind === 'done' ? `Downloaded ${state.filename}.` : ''}
      </p>
      {state.kind === 'failed' ? (
        <p className="field__error" role="alert">
          {state.message}
        </p>
      ) : null}
    </section>
  );
}
