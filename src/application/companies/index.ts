export { resolveCallCompany, type CallCompanyHint } from './resolve-call-company';
export { resolveSimulatedCallCompany, type SimulatedCallCompany, type SimulatedCallTarget } from './resolve-simulated-call-company';
