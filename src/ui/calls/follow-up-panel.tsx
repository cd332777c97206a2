import { useState } from 'react';
import { useSdk } from '@/ui/sdk/sdk-context';
import type { ContactChoice } from './call-context';
import type { CallView, WrapUpRequest } from './call-types';
import { contactTarget, dealTarget, followUpActivity, followUpWho, saveStateOf, type PipedriveTarget } from './follow-up-model';
import { savedItems } from './follow-up-saved';
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
  const contact = contactTarget(call, sent, choice);
  const deal = dealTarget(call, sent);
  const save = saveStateOf(call);
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

  function open(target: PipedriveTarget | null) {
    if (!target) return;
    whenReady()
      .then((sdk) => sdk.redirectTo(target.view, target.id))
      .catch((error: unknown) => setActivityResult(`Could not open it in Pipedrive: ${sdkProblem(error)}`));
  }

  return (
    <FollowUpScreen
      who={who}
      save={save}
      saved={save.status === 'saved' ? savedItems(save.items, call, sent, choice) : []}
      isRetrying={isRetrying}
      canViewContact={contact !== null}
      hasDeal={deal !== null}
      activityResult={activityResult}
      isActivityOpen={isActivityOpen}
      onRetry={onRetry}
      onCreateActivity={createActivity}
      onViewContact={() => open(contact)}
      onViewDeal={() => open(deal)}
      onOpen={open}
      onBack={onBack}
    />
  );
}
