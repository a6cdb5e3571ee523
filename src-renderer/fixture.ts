// Second Vite entry (fixture.html): the diagrams on a fixed trace, for tests/e2e/diagrams.e2e.ts.
import { mount } from 'svelte';
import Fixture from './views/fixture/Fixture.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('fixture.html has no #app element');
mount(Fixture, { target });
