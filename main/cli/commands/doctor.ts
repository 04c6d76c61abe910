import type { VerbRun } from '../command.ts';
import { runDoctor } from '../../engine/doctor.ts';
import { desktopCheck } from './desktop-check.ts';
import { bold, green, red, yellow } from '../output.ts';
import type { doctorFlags } from '../verbs/doctor.ts';

export const run: VerbRun<typeof doctorFlags> = async ({ values }) => {
  const checks = [...(await runDoctor()), desktopCheck()];
  if (values.json) {
    console.log(JSON.stringify(checks, null, 2));
  } else {
    for (const check of checks) {
      const mark =
        check.status === 'ok'
          ? green('ok  ')
          : check.status === 'warn'
            ? yellow('warn')
            : red('FAIL');
      console.log(`${mark} ${bold(check.title)}: ${check.detail}`);
      if (check.fix) console.log(`     fix: ${check.fix}`);
    }
  }
  return checks.some((check) => check.status === 'fail') ? 1 : 0;
};
