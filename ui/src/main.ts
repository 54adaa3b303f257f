import { mount } from 'svelte';
import RecoveryGate from './lib/RecoveryGate.svelte';
import './app.css';

// Marks for scripts/measure-cold-start.mjs: every imported module has run by now (issue 8).
performance.mark('lupaus:modules-evaluated');
const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
// The gate shows the desk (App.svelte), or the recovery screen when the database cannot be used.
const app = mount(RecoveryGate, { target });
performance.mark('lupaus:mounted');
export default app;
