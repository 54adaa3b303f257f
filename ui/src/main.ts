import { mount } from 'svelte';
import RecoveryGate from './lib/RecoveryGate.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
// The gate shows the desk (App.svelte), or the recovery screen when the database cannot be used.
export default mount(RecoveryGate, { target });
