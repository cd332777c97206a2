import { useState } from 'react';
import { useSdk } from '@/ui/sdk/sdk-context';
import type { ContactChoice } from './call-context';
import type { CallView, WrapUpRequest } from './call-types';
import { followUpActivity, followUpWho, saveStateOf, viewTarget } from './follow-up-model';
import { FollowUpScreen } from './follow-up-screen';

export interface FollowUpPanelProps {
  call: CallView;
  sent: WrapUpRequest | null;
  choice: ContactChoice;
  isRetrying: boolean;
  onRetry: () => void;
  onBack: () => void;
}

function sdkProblem(error: unknown): string {
  return error instanceof Error ? error.message : 'Pipedrive did not answer.';
}

/** The follow-up screen wired to Pipedrive (activity modal, redirect). */
export function FollowUpPanel({ call, sent, choice, isRetrying, onRetry, onBack }: FollowUpPanelProps) {
  const { whenReady } = useSdk();
  const [activityResult, setActivityResult] = useState<string | null>(null);
  const [isActivityOpen, setActivityOpen] = useState(false);
  const target = viewTarget(call, sent, choice);
  const who = followUpWho(call, sent, choice);

  function createActivity() {
    setActivityOpen(true);
    setActivityResult(null);
    whenReady()
      .then((sdk) => sdk.openActivityModal(followUpActivity(call, sent, choice)))
      .then(
        (outcome) => setActivityResult(outcome.status === 'submitted' ? 'Follow-up activity created.' : 'No activity was created.'),
        (error: unknown) => setActivityResult(`Could not open the activity form: ${sdkProblem(error)}`),
      )
      .finally(() => setActivityOpen(false));
  }

  function viewContact() {
    if (!target) return;
    whenReady()
      .then((sdk) => sdk.redirectTo(target.view, target.id))
      .catch((error: unknown) => setActivityResult(`Could not open it in Pipedrive: ${sdkProblem(error)}`));
  }

  return (
    <FollowUpScreen
      who={who}
      save={saveStateOf(call)}
      isRetrying={isRetrying}
      canViewContact={target !== null}
      activityResult={activityResult}
      isActivityOpen={isActivityOpen}
      onRetry={onRetry}
      onCreateActivity={createActivity}
      onViewContact={viewContact}
      onBack={onBack}
    />
  );
}
