import { describe, expect, it } from 'vitest';
import { DiagnosisResult } from '../contracts/diagnosis.ts';
import { diagnose } from '../core/diagnosis/diagnose.ts';
import { loadIndicatorSystemById } from './model-load.ts';

/** The diagnosis of a shipped model, checked against the API's result contract (src/contracts/diagnosis.ts). */
describe('diagnosis result contract, on a shipped model', () => {
  it('passes the cause a checklist diagnosis gives (no levels) through', async () => {
    const loaded = await loadIndicatorSystemById('packs/models', 'ics-security-2024');
    if (!loaded.ok) throw new Error('ics-security-2024 does not load');
    const { result } = diagnose(loaded.model, { model: 'ics-security-2024', answers: {} });
    const parsed = DiagnosisResult.parse(result);
    expect(parsed.nextLevel).toMatchObject({ reachable: false, why: { kind: 'no-levels' } });
  });
});
