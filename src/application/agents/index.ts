/** The agents slice: an agent's availability ("Available" / "Do not disturb"). */
export { setAgentAvailability, type SetAgentAvailabilityDeps } from './set-agent-availability';
