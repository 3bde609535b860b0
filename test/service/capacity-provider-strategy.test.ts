import { FargateCapacityProvider } from '../../src/cluster';
import { CapacityProviderStrategy } from '../../src/service';
import { raisedAs } from '../helpers';

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
    expect(raisedAs('capacityProviderStrategy', CapacityProviderStrategy.mixed({ fargateWeight: -1, fargateSpotWeight: 1 })))
      .toThrow(/Invalid capacityProviderStrategy: -1\. Expected a whole number from 0 to 1000\. Given to CapacityProviderStrategy\.mixed\(fargateWeight\)\./);
  });

  test('rejects two zero weights', () => {
    expect(raisedAs('capacityProviderStrategy', CapacityProviderStrategy.mixed({ fargateWeight: 0, fargateSpotWeight: 0 })))
      .toThrow(/Invalid capacityProviderStrategy: 0\. At least one of fargateWeight and fargateSpotWeight/);
  });

  test('rejects a fractional base', () => {
    expect(raisedAs('capacityProviderStrategy', CapacityProviderStrategy.mixed({ fargateWeight: 1, fargateSpotWeight: 1, fargateBase: 0.5 })))
      .toThrow(/Invalid capacityProviderStrategy: 0\.5\..*\(fargateBase\)/);
  });
});
