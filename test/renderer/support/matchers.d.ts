// jest-dom's matchers (toBeInTheDocument, …), registered by src/renderer/src/test/setup.ts.
import '@testing-library/jest-dom/vitest';
