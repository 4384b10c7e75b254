import { InitialSchema1764100000000 } from './1764100000000-initial-schema';
import { HeatCells1764200000000 } from './1764200000000-heat-cells';
import { ThemePointIndexes1764300000000 } from './1764300000000-theme-point-indexes';
import { AlertsAndNotifications1764410000000 } from './1764410000000-alerts-and-notifications';
import { Indicators1764450000000 } from './1764450000000-indicators';
import { Conversations1764500000000 } from './1764500000000-conversations';
import { HiddenProjects1764510000000 } from './1764510000000-hidden-projects';
import { SocketIoAttachments1764530000000 } from './1764530000000-socket-io-attachments';
import { Webinars1764520000000 } from './1764520000000-webinars';
import { Hardening1764540000000 } from './1764540000000-hardening';
import { SendMessageFunction1764560000000 } from './1764560000000-send-message-function';
import { HeatCellsLockOrder1764570000000 } from './1764570000000-heat-cells-lock-order';
import { SendMessagesBatchFunction1764580000000 } from './1764580000000-send-messages-batch-function';
import { PeerPoints1764600000000 } from './1764600000000-peer-points';
import { IndicatorPointAreas1764610000000 } from './1764610000000-indicator-point-areas';

/** Every migration, oldest first. Add each new one here (one per schema change, reversible). */
export const MIGRATIONS = [
  InitialSchema1764100000000,
  HeatCells1764200000000,
  ThemePointIndexes1764300000000,
  AlertsAndNotifications1764410000000,
  Indicators1764450000000,
  Conversations1764500000000,
  HiddenProjects1764510000000,
  Webinars1764520000000,
  SocketIoAttachments1764530000000,
  Hardening1764540000000,
  SendMessageFunction1764560000000,
  HeatCellsLockOrder1764570000000,
  SendMessagesBatchFunction1764580000000,
  PeerPoints1764600000000,
  IndicatorPointAreas1764610000000,
];
