// Volume spike detector (bar volume z-score over N bars incl. this one; sign from the bar's
// direction); mirror of native/core/src/detectors/volume_spike.rs.

import type { Bar } from '../bars';
import { ZScore } from '../indicators/zscore';
import { fixed } from '../numfmt';
import { detection, type Detection } from './detection';

export class VolumeSpike {
  private readonly volumeZ: ZScore;

  constructor(
    period: number,
    private readonly thresholdZ: number,
  ) {
    this.volumeZ = new ZScore(period);
  }

  onBar(bar: Bar, mayFire: boolean): Detection | undefined {
    const z = this.volumeZ.update(bar.volume);
    if (z === undefined) return undefined;
    if (!mayFire || !(z > this.thresholdZ) || bar.close === bar.open) return undefined;
    const up = bar.close > bar.open;
    const magnitude = (0.5 * z) / this.thresholdZ;
    return detection(up ? magnitude : -magnitude, () => `volume z-score ${fixed(z, 2)} on ${up ? 'an up' : 'a down'} bar`);
  }
}
