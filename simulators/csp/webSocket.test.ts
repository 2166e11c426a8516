/** The DeviceGateway contract, with the fleet behind FleetHosts over WebSocket on loopback. */
import { gatewayContract } from './gatewayContract.ts';
import { webSocketRig } from './testSupport.ts';

gatewayContract('over WebSocket', webSocketRig);
