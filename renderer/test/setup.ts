// Setup for the `component` vitest project (jsdom): window.kubelab is a fake built from the
// contract, reset after every test.
import { afterEach } from 'vitest';
import { delegatingClient, resetWindowApi } from './fake-window-api.ts';

Object.defineProperty(window, 'kubelab', { value: delegatingClient(), configurable: true });
afterEach(() => resetWindowApi());
