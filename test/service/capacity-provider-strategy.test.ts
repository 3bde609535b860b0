import { FargateCapacityProvider } from '../../src/cluster';
import { CapacityProviderStrategy } from '../../src/service';

describe('CapacityProviderStrategy', () => {
  test('fargate', () => {
    expect(CapacityProviderStrategy.fargate().shares).toEqual([{ capacityProvider: FargateCapacityProvider.FARGATE, weight: 100 }]);
  });

  test('fargateSpot', () => {
    expect(CapacityProviderStrategy.fargateSpot().shares).toEqual([{ capacityProvider: FargateCapacityProvider.FARGATE_SPOT, weight: 100 }]);
  });

  test('mixed with an on-demand base', () => {
    expect(CapacityProviderStrategy.mixed({ fargateWeight: 1, fargateSpotWeight: 4, fargateBase: 2 }).shares).toEqual([
      { capacityProvider: FargateCapacityProvider.FARGATE, weight: 1, base: 2 },
      { capacityProvider: FargateCapacityProvider.FARGATE_SPOT, weight: 4 },
    ]);
  });

  test('rejects a negative weight', () => {
    expect(() => CapacityProviderStrategy.mixed({ fargateWeight: -1, fargateSpotWeight: 1 }))
      .toThrow(/Invalid fargateWeight: -1\. Expected a whole number from 0 to 1000/);
  });

  test('rejects two zero weights', () => {
    expect(() => CapacityProviderStrategy.mixed({ fargateWeight: 0, fargateSpotWeight: 0 }))
      .toThrow(/Invalid fargateSpotWeight: 0\. At least one of fargateWeight and fargateSpotWeight/);
  });

  test('rejects a fractional base', () => {
    expect(() => CapacityProviderStrategy.mixed({ fargateWeight: 1, fargateSpotWeight: 1, fargateBase: 0.5 }))
      .toThrow(/Invalid fargateBase: 0\.5/);
  });
});
