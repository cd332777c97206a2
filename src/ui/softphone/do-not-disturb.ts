/**
 * "Do not disturb" for the softphone. A PBX ring group does not know the agent's availability, so
 * an INVITE still reaches this window: it is refused as when the agent is busy (486 Busy Here: the
 * PBX tries the group's other phones or its busy route, and the later report logs it as missed).
 * The window changes the switch; the engine reads it at each INVITE.
 */
export interface DoNotDisturbSwitch {
  isOn(): boolean;
  set(on: boolean): void;
}

export function createDoNotDisturbSwitch(initial = false): DoNotDisturbSwitch {
  let on = initial;
  return {
    isOn: () => on,
    set(next) {
      on = next;
    },
  };
}
