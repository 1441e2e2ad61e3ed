/// <reference types="vite/client" />
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../src/styles/tokens.css';
import '../src/styles/chatbox.css';
import '../src/styles/phone.css';
import './demo.css';
import { DemoApp } from './DemoApp';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <DemoApp server={import.meta.env.VITE_PARLANT_SERVER as string} agentId={import.meta.env.VITE_PARLANT_AGENT_ID as string} />
  </StrictMode>,
);
