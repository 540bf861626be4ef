import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'suite', include: ['tests/**/*.test.ts'] } },
      // the live-adapter tests once more with the wall clock at 02:00 China time (quiet hours):
      // CI runs at whatever hour work is submitted
      {
        extends: true,
        test: { name: 'night', include: ['tests/adapters/**/*.test.ts'], setupFiles: ['tests/setup/night.ts'] },
      },
    ],
  },
})
