// Generated from @watchq/spec by scripts/generate.ts. Do not edit: run `npm run generate -w @watchq/decoder`.
import type { GeneratedRevision, StructTable } from '../tables.js'

export const STRUCT_TABLES: Readonly<Record<string, StructTable>> = {
 "common/watch_notification_filter": {
  "id": "common/watch_notification_filter",
  "size": 8,
  "fields": [
   {
    "name": "nrFilters",
    "c": "nr_filters",
    "offset": 0,
    "type": "u32"
   },
   {
    "name": "reserved",
    "c": "__reserved",
    "offset": 4,
    "type": "u32"
   },
   {
    "name": "filters",
    "c": "filters",
    "offset": 8,
    "type": "structs",
    "lengthField": "nrFilters",
    "element": "common/watch_notification_type_filter"
   }
  ]
 },
 "common/watch_notification_type_filter": {
  "id": "common/watch_notification_type_filter",
  "size": 44,
  "fields": [
   {
    "name": "type",
    "c": "type",
    "offset": 0,
    "type": "u32"
   },
   {
    "name": "infoFilter",
    "c": "info_filter",
    "offset": 4,
    "type": "u32"
   },
   {
    "name": "infoMask",
    "c": "info_mask",
    "offset": 8,
    "type": "u32"
   },
   {
    "name": "subtypeFilter",
    "c": "subtype_filter",
    "offset": 12,
    "type": "u32",
    "count": 8
   }
  ]
 },
 "pipe/block_notification": {
  "id": "pipe/block_notification",
  "size": 24,
  "fields": [
   {
    "name": "dev",
    "c": "dev",
    "offset": 8,
    "type": "u64"
   },
   {
    "name": "sector",
    "c": "sector",
    "offset": 16,
    "type": "u64"
   }
  ]
 },
 "pipe/key_notification": {
  "id": "pipe/key_notification",
  "size": 16,
  "fields": [
   {
    "name": "keyId",
    "c": "key_id",
    "offset": 8,
    "type": "u32"
   },
   {
    "name": "aux",
    "c": "aux",
    "offset": 12,
    "type": "u32"
   }
  ]
 },
 "pipe/mount_notification~2020-02": {
  "id": "pipe/mount_notification~2020-02",
  "size": 16,
  "fields": [
   {
    "name": "triggeredOn",
    "c": "triggered_on",
    "offset": 8,
    "type": "u32"
   },
   {
    "name": "changedMount",
    "c": "changed_mount",
    "offset": 12,
    "type": "u32"
   }
  ]
 },
 "pipe/mount_notification~2020-03": {
  "id": "pipe/mount_notification~2020-03",
  "size": 28,
  "fields": [
   {
    "name": "triggeredOn",
    "c": "triggered_on",
    "offset": 8,
    "type": "u32"
   },
   {
    "name": "auxiliaryMount",
    "c": "auxiliary_mount",
    "offset": 12,
    "type": "u32"
   },
   {
    "name": "topologyChanges",
    "c": "topology_changes",
    "offset": 16,
    "type": "u32"
   },
   {
    "name": "attrChanges",
    "c": "attr_changes",
    "offset": 20,
    "type": "u32"
   },
   {
    "name": "auxTopologyChanges",
    "c": "aux_topology_changes",
    "offset": 24,
    "type": "u32"
   }
  ]
 },
 "pipe/mount_notification~2020-08": {
  "id": "pipe/mount_notification~2020-08",
  "size": 24,
  "fields": [
   {
    "name": "triggeredOn",
    "c": "triggered_on",
    "offset": 8,
    "type": "u64"
   },
   {
    "name": "auxiliaryMount",
    "c": "auxiliary_mount",
    "offset": 16,
    "type": "u64"
   }
  ]
 },
 "pipe/superblock_error_notification": {
  "id": "pipe/superblock_error_notification",
  "size": 24,
  "fields": [
   {
    "name": "sbId",
    "c": "s.sb_id",
    "offset": 8,
    "type": "u64"
   },
   {
    "name": "errorNumber",
    "c": "error_number",
    "offset": 16,
    "type": "u32"
   },
   {
    "name": "errorCookie",
    "c": "error_cookie",
    "offset": 20,
    "type": "u32"
   }
  ]
 },
 "pipe/superblock_notification": {
  "id": "pipe/superblock_notification",
  "size": 16,
  "fields": [
   {
    "name": "sbId",
    "c": "sb_id",
    "offset": 8,
    "type": "u64"
   }
  ]
 },
 "pipe/usb_notification": {
  "id": "pipe/usb_notification",
  "size": 20,
  "fields": [
   {
    "name": "error",
    "c": "error",
    "offset": 8,
    "type": "u32"
   },
   {
    "name": "reserved",
    "c": "reserved",
    "offset": 12,
    "type": "u32"
   },
   {
    "name": "nameLen",
    "c": "name_len",
    "offset": 16,
    "type": "u8"
   },
   {
    "name": "name",
    "c": "name",
    "offset": 17,
    "type": "bytes",
    "lengthField": "nameLen"
   }
  ]
 },
 "pipe/watch_notification": {
  "id": "pipe/watch_notification",
  "size": 8,
  "fields": []
 },
 "pipe/watch_notification_removal": {
  "id": "pipe/watch_notification_removal",
  "size": 16,
  "fields": [
   {
    "name": "id",
    "c": "id",
    "offset": 8,
    "type": "u64"
   }
  ]
 },
 "ring-v1/block_notification": {
  "id": "ring-v1/block_notification",
  "size": 24,
  "fields": [
   {
    "name": "dev",
    "c": "dev",
    "offset": 8,
    "type": "u64"
   },
   {
    "name": "sector",
    "c": "sector",
    "offset": 16,
    "type": "u64"
   }
  ]
 },
 "ring-v1/key_notification": {
  "id": "ring-v1/key_notification",
  "size": 16,
  "fields": [
   {
    "name": "keyId",
    "c": "key_id",
    "offset": 8,
    "type": "u32"
   },
   {
    "name": "aux",
    "c": "aux",
    "offset": 12,
    "type": "u32"
   }
  ]
 },
 "ring-v1/mount_notification": {
  "id": "ring-v1/mount_notification",
  "size": 16,
  "fields": [
   {
    "name": "triggeredOn",
    "c": "triggered_on",
    "offset": 8,
    "type": "u32"
   },
   {
    "name": "changedMount",
    "c": "changed_mount",
    "offset": 12,
    "type": "u32"
   }
  ]
 },
 "ring-v1/superblock_error_notification": {
  "id": "ring-v1/superblock_error_notification",
  "size": 24,
  "fields": [
   {
    "name": "sbId",
    "c": "s.sb_id",
    "offset": 8,
    "type": "u64"
   },
   {
    "name": "errorNumber",
    "c": "error_number",
    "offset": 16,
    "type": "u32"
   },
   {
    "name": "errorCookie",
    "c": "error_cookie",
    "offset": 20,
    "type": "u32"
   }
  ]
 },
 "ring-v1/superblock_notification": {
  "id": "ring-v1/superblock_notification",
  "size": 16,
  "fields": [
   {
    "name": "sbId",
    "c": "sb_id",
    "offset": 8,
    "type": "u64"
   }
  ]
 },
 "ring-v1/usb_notification": {
  "id": "ring-v1/usb_notification",
  "size": 20,
  "fields": [
   {
    "name": "error",
    "c": "error",
    "offset": 8,
    "type": "u32"
   },
   {
    "name": "reserved",
    "c": "reserved",
    "offset": 12,
    "type": "u32"
   },
   {
    "name": "nameLen",
    "c": "name_len",
    "offset": 16,
    "type": "u8"
   },
   {
    "name": "name",
    "c": "name",
    "offset": 17,
    "type": "bytes",
    "lengthField": "nameLen"
   }
  ]
 },
 "ring-v1/watch_notification": {
  "id": "ring-v1/watch_notification",
  "size": 8,
  "fields": []
 },
 "ring-v5/block_notification": {
  "id": "ring-v5/block_notification",
  "size": 24,
  "fields": [
   {
    "name": "dev",
    "c": "dev",
    "offset": 8,
    "type": "u64"
   },
   {
    "name": "sector",
    "c": "sector",
    "offset": 16,
    "type": "u64"
   }
  ]
 },
 "ring-v5/key_notification": {
  "id": "ring-v5/key_notification",
  "size": 16,
  "fields": [
   {
    "name": "keyId",
    "c": "key_id",
    "offset": 8,
    "type": "u32"
   },
   {
    "name": "aux",
    "c": "aux",
    "offset": 12,
    "type": "u32"
   }
  ]
 },
 "ring-v5/usb_notification": {
  "id": "ring-v5/usb_notification",
  "size": 24,
  "fields": [
   {
    "name": "error",
    "c": "error",
    "offset": 8,
    "type": "u32"
   },
   {
    "name": "reserved",
    "c": "reserved",
    "offset": 12,
    "type": "u32"
   },
   {
    "name": "nameLen",
    "c": "name_len",
    "offset": 16,
    "type": "u8"
   },
   {
    "name": "name",
    "c": "name",
    "offset": 17,
    "type": "bytes",
    "lengthField": "nameLen"
   }
  ]
 },
 "ring-v5/watch_notification": {
  "id": "ring-v5/watch_notification",
  "size": 8,
  "fields": []
 },
 "ring-v5/watch_notification_removal": {
  "id": "ring-v5/watch_notification_removal",
  "size": 16,
  "fields": [
   {
    "name": "id",
    "c": "id",
    "offset": 8,
    "type": "u64"
   }
  ]
 }
}

export const REVISION_TABLES: readonly GeneratedRevision[] = [
 {
  "id": "pre-v1",
  "transport": "mmap-ring",
  "lengthUnit": 8,
  "lengthMask": 504,
  "lengthShift": 3,
  "idMask": 4278190080,
  "idShift": 24,
  "typeInfoMask": 16711680,
  "maxLength": 504,
  "header": {
   "type": {
    "le": 0,
    "be": 8,
    "width": 24
   },
   "subtype": {
    "le": 24,
    "be": 0,
    "width": 8
   }
  },
  "types": {
   "0": "meta",
   "1": "mount",
   "2": "sb",
   "3": "key"
  },
  "rules": [
   {
    "kind": "skip",
    "type": 0,
    "subtype": 0,
    "structs": [
     "ring-v1/watch_notification"
    ],
    "length": {
     "kind": "padding"
    },
    "events": {}
   },
   {
    "kind": "removal",
    "type": 0,
    "subtype": 1,
    "structs": [
     "ring-v1/watch_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "mount",
    "type": 1,
    "subtype": null,
    "structs": [
     "ring-v1/mount_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "new-mount",
     "1": "unmount",
     "2": "expiry",
     "3": "readonly",
     "4": "setattr",
     "5": "move-from",
     "6": "move-to"
    }
   },
   {
    "kind": "superblock-error",
    "type": 2,
    "subtype": 1,
    "structs": [
     "ring-v1/superblock_error_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "readonly",
     "1": "error",
     "2": "edquot",
     "3": "network"
    }
   },
   {
    "kind": "superblock",
    "type": 2,
    "subtype": null,
    "structs": [
     "ring-v1/superblock_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "readonly",
     "1": "error",
     "2": "edquot",
     "3": "network"
    }
   },
   {
    "kind": "key",
    "type": 3,
    "subtype": null,
    "structs": [
     "ring-v1/key_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "instantiated",
     "1": "updated",
     "2": "linked",
     "3": "unlinked",
     "4": "cleared",
     "5": "revoked",
     "6": "invalidated",
     "7": "setattr"
    }
   }
  ],
  "flags": {
   "WATCH_INFO_OVERRUN": 1,
   "WATCH_INFO_ENOMEM": 2,
   "WATCH_INFO_RECURSIVE": 4,
   "WATCH_INFO_IN_SUBTREE": 512
  },
  "ring": {
   "headerSize": 20,
   "metaSlots": 2,
   "head": 8,
   "tail": 12,
   "mask": 16
  }
 },
 {
  "id": "mmap-v1",
  "transport": "mmap-ring",
  "lengthUnit": 8,
  "lengthMask": 504,
  "lengthShift": 3,
  "idMask": 4278190080,
  "idShift": 24,
  "typeInfoMask": 16711680,
  "maxLength": 504,
  "header": {
   "type": {
    "le": 0,
    "be": 8,
    "width": 24
   },
   "subtype": {
    "le": 24,
    "be": 0,
    "width": 8
   }
  },
  "types": {
   "0": "meta",
   "1": "mount",
   "2": "sb",
   "3": "key",
   "4": "block"
  },
  "rules": [
   {
    "kind": "skip",
    "type": 0,
    "subtype": 0,
    "structs": [
     "ring-v1/watch_notification"
    ],
    "length": {
     "kind": "padding"
    },
    "events": {}
   },
   {
    "kind": "removal",
    "type": 0,
    "subtype": 1,
    "structs": [
     "ring-v1/watch_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "mount",
    "type": 1,
    "subtype": null,
    "structs": [
     "ring-v1/mount_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "new-mount",
     "1": "unmount",
     "2": "expiry",
     "3": "readonly",
     "4": "setattr",
     "5": "move-from",
     "6": "move-to"
    }
   },
   {
    "kind": "superblock-error",
    "type": 2,
    "subtype": 1,
    "structs": [
     "ring-v1/superblock_error_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "readonly",
     "1": "error",
     "2": "edquot",
     "3": "network"
    }
   },
   {
    "kind": "superblock",
    "type": 2,
    "subtype": null,
    "structs": [
     "ring-v1/superblock_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "readonly",
     "1": "error",
     "2": "edquot",
     "3": "network"
    }
   },
   {
    "kind": "key",
    "type": 3,
    "subtype": null,
    "structs": [
     "ring-v1/key_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "instantiated",
     "1": "updated",
     "2": "linked",
     "3": "unlinked",
     "4": "cleared",
     "5": "revoked",
     "6": "invalidated",
     "7": "setattr"
    }
   },
   {
    "kind": "block",
    "type": 4,
    "subtype": null,
    "structs": [
     "ring-v1/block_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "1": "error-timeout",
     "2": "error-no-space",
     "3": "error-recoverable-transport",
     "4": "error-critical-target",
     "5": "error-critical-nexus",
     "6": "error-critical-medium",
     "7": "error-protection",
     "8": "error-kernel-resource",
     "9": "error-device-resource",
     "10": "error-io"
    }
   }
  ],
  "flags": {
   "WATCH_INFO_OVERRUN": 1,
   "WATCH_INFO_ENOMEM": 2,
   "WATCH_INFO_RECURSIVE": 4,
   "WATCH_INFO_IN_SUBTREE": 512
  },
  "ring": {
   "headerSize": 20,
   "metaSlots": 2,
   "head": 8,
   "tail": 12,
   "mask": 16
  }
 },
 {
  "id": "mmap-v2",
  "transport": "mmap-ring",
  "lengthUnit": 8,
  "lengthMask": 504,
  "lengthShift": 3,
  "idMask": 4278190080,
  "idShift": 24,
  "typeInfoMask": 16711680,
  "maxLength": 504,
  "header": {
   "type": {
    "le": 0,
    "be": 8,
    "width": 24
   },
   "subtype": {
    "le": 24,
    "be": 0,
    "width": 8
   }
  },
  "types": {
   "0": "meta",
   "1": "mount",
   "2": "sb",
   "3": "key",
   "4": "block"
  },
  "rules": [
   {
    "kind": "skip",
    "type": 0,
    "subtype": 0,
    "structs": [
     "ring-v1/watch_notification"
    ],
    "length": {
     "kind": "padding"
    },
    "events": {}
   },
   {
    "kind": "removal",
    "type": 0,
    "subtype": 1,
    "structs": [
     "ring-v1/watch_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "mount",
    "type": 1,
    "subtype": null,
    "structs": [
     "ring-v1/mount_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "new-mount",
     "1": "unmount",
     "2": "expiry",
     "3": "readonly",
     "4": "setattr",
     "5": "move-from",
     "6": "move-to"
    }
   },
   {
    "kind": "superblock-error",
    "type": 2,
    "subtype": 1,
    "structs": [
     "ring-v1/superblock_error_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "readonly",
     "1": "error",
     "2": "edquot",
     "3": "network"
    }
   },
   {
    "kind": "superblock",
    "type": 2,
    "subtype": null,
    "structs": [
     "ring-v1/superblock_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "readonly",
     "1": "error",
     "2": "edquot",
     "3": "network"
    }
   },
   {
    "kind": "key",
    "type": 3,
    "subtype": null,
    "structs": [
     "ring-v1/key_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "instantiated",
     "1": "updated",
     "2": "linked",
     "3": "unlinked",
     "4": "cleared",
     "5": "revoked",
     "6": "invalidated",
     "7": "setattr"
    }
   },
   {
    "kind": "block",
    "type": 4,
    "subtype": null,
    "structs": [
     "ring-v1/block_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "1": "error-timeout",
     "2": "error-no-space",
     "3": "error-recoverable-transport",
     "4": "error-critical-target",
     "5": "error-critical-nexus",
     "6": "error-critical-medium",
     "7": "error-protection",
     "8": "error-kernel-resource",
     "9": "error-device-resource",
     "10": "error-io"
    }
   }
  ],
  "flags": {
   "WATCH_INFO_OVERRUN": 1,
   "WATCH_INFO_ENOMEM": 2,
   "WATCH_INFO_RECURSIVE": 4,
   "WATCH_INFO_IN_SUBTREE": 512
  },
  "ring": {
   "headerSize": 20,
   "metaSlots": 2,
   "head": 8,
   "tail": 12,
   "mask": 16
  }
 },
 {
  "id": "mmap-v3",
  "transport": "mmap-ring",
  "lengthUnit": 8,
  "lengthMask": 504,
  "lengthShift": 3,
  "idMask": 4278190080,
  "idShift": 24,
  "typeInfoMask": 16711680,
  "maxLength": 504,
  "header": {
   "type": {
    "le": 0,
    "be": 8,
    "width": 24
   },
   "subtype": {
    "le": 24,
    "be": 0,
    "width": 8
   }
  },
  "types": {
   "0": "meta",
   "1": "mount",
   "2": "sb",
   "3": "key",
   "4": "block",
   "5": "usb"
  },
  "rules": [
   {
    "kind": "skip",
    "type": 0,
    "subtype": 0,
    "structs": [
     "ring-v1/watch_notification"
    ],
    "length": {
     "kind": "padding"
    },
    "events": {}
   },
   {
    "kind": "removal",
    "type": 0,
    "subtype": 1,
    "structs": [
     "ring-v1/watch_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "mount",
    "type": 1,
    "subtype": null,
    "structs": [
     "ring-v1/mount_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "new-mount",
     "1": "unmount",
     "2": "expiry",
     "3": "readonly",
     "4": "setattr",
     "5": "move-from",
     "6": "move-to"
    }
   },
   {
    "kind": "superblock-error",
    "type": 2,
    "subtype": 1,
    "structs": [
     "ring-v1/superblock_error_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "readonly",
     "1": "error",
     "2": "edquot",
     "3": "network"
    }
   },
   {
    "kind": "superblock",
    "type": 2,
    "subtype": null,
    "structs": [
     "ring-v1/superblock_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "readonly",
     "1": "error",
     "2": "edquot",
     "3": "network"
    }
   },
   {
    "kind": "key",
    "type": 3,
    "subtype": null,
    "structs": [
     "ring-v1/key_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "instantiated",
     "1": "updated",
     "2": "linked",
     "3": "unlinked",
     "4": "cleared",
     "5": "revoked",
     "6": "invalidated",
     "7": "setattr"
    }
   },
   {
    "kind": "block",
    "type": 4,
    "subtype": null,
    "structs": [
     "ring-v1/block_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "1": "error-timeout",
     "2": "error-no-space",
     "3": "error-recoverable-transport",
     "4": "error-critical-target",
     "5": "error-critical-nexus",
     "6": "error-critical-medium",
     "7": "error-protection",
     "8": "error-kernel-resource",
     "9": "error-device-resource",
     "10": "error-io"
    }
   },
   {
    "kind": "usb",
    "type": 5,
    "subtype": null,
    "structs": [
     "ring-v1/usb_notification"
    ],
    "length": {
     "kind": "flexible",
     "base": 17,
     "roundTo": 8
    },
    "events": {
     "0": "device-add",
     "1": "device-remove",
     "2": "bus-add",
     "3": "bus-remove",
     "4": "device-reset",
     "5": "device-error"
    }
   }
  ],
  "flags": {
   "WATCH_INFO_OVERRUN": 1,
   "WATCH_INFO_ENOMEM": 2,
   "WATCH_INFO_RECURSIVE": 4,
   "WATCH_INFO_IN_SUBTREE": 512
  },
  "ring": {
   "headerSize": 20,
   "metaSlots": 2,
   "head": 8,
   "tail": 12,
   "mask": 16
  }
 },
 {
  "id": "mmap-v4",
  "transport": "mmap-ring",
  "lengthUnit": 8,
  "lengthMask": 504,
  "lengthShift": 3,
  "idMask": 4278190080,
  "idShift": 24,
  "typeInfoMask": 16711680,
  "maxLength": 504,
  "header": {
   "type": {
    "le": 0,
    "be": 8,
    "width": 24
   },
   "subtype": {
    "le": 24,
    "be": 0,
    "width": 8
   }
  },
  "types": {
   "0": "meta",
   "1": "mount",
   "2": "sb",
   "3": "key",
   "4": "block",
   "5": "usb"
  },
  "rules": [
   {
    "kind": "skip",
    "type": 0,
    "subtype": 0,
    "structs": [
     "ring-v1/watch_notification"
    ],
    "length": {
     "kind": "padding"
    },
    "events": {}
   },
   {
    "kind": "removal",
    "type": 0,
    "subtype": 1,
    "structs": [
     "ring-v1/watch_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "mount",
    "type": 1,
    "subtype": null,
    "structs": [
     "ring-v1/mount_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "new-mount",
     "1": "unmount",
     "2": "expiry",
     "3": "readonly",
     "4": "setattr",
     "5": "move-from",
     "6": "move-to"
    }
   },
   {
    "kind": "superblock-error",
    "type": 2,
    "subtype": 1,
    "structs": [
     "ring-v1/superblock_error_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "readonly",
     "1": "error",
     "2": "edquot",
     "3": "network"
    }
   },
   {
    "kind": "superblock",
    "type": 2,
    "subtype": null,
    "structs": [
     "ring-v1/superblock_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "readonly",
     "1": "error",
     "2": "edquot",
     "3": "network"
    }
   },
   {
    "kind": "key",
    "type": 3,
    "subtype": null,
    "structs": [
     "ring-v1/key_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "instantiated",
     "1": "updated",
     "2": "linked",
     "3": "unlinked",
     "4": "cleared",
     "5": "revoked",
     "6": "invalidated",
     "7": "setattr"
    }
   },
   {
    "kind": "block",
    "type": 4,
    "subtype": null,
    "structs": [
     "ring-v1/block_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "1": "error-timeout",
     "2": "error-no-space",
     "3": "error-recoverable-transport",
     "4": "error-critical-target",
     "5": "error-critical-nexus",
     "6": "error-critical-medium",
     "7": "error-protection",
     "8": "error-kernel-resource",
     "9": "error-device-resource",
     "10": "error-io"
    }
   },
   {
    "kind": "usb",
    "type": 5,
    "subtype": null,
    "structs": [
     "ring-v1/usb_notification"
    ],
    "length": {
     "kind": "flexible",
     "base": 17,
     "roundTo": 8
    },
    "events": {
     "0": "device-add",
     "1": "device-remove",
     "2": "bus-add",
     "3": "bus-remove",
     "4": "device-reset",
     "5": "device-error"
    }
   }
  ],
  "flags": {
   "WATCH_INFO_OVERRUN": 1,
   "WATCH_INFO_ENOMEM": 2,
   "WATCH_INFO_RECURSIVE": 4,
   "WATCH_INFO_IN_SUBTREE": 512
  },
  "ring": {
   "headerSize": 20,
   "metaSlots": 2,
   "head": 8,
   "tail": 12,
   "mask": 16
  }
 },
 {
  "id": "mmap-v5",
  "transport": "mmap-ring",
  "lengthUnit": 8,
  "lengthMask": 63,
  "lengthShift": 0,
  "idMask": 65280,
  "idShift": 8,
  "typeInfoMask": 4294901760,
  "maxLength": 504,
  "header": {
   "type": {
    "le": 0,
    "be": 8,
    "width": 24
   },
   "subtype": {
    "le": 24,
    "be": 0,
    "width": 8
   }
  },
  "types": {
   "0": "meta",
   "1": "key",
   "2": "block",
   "3": "usb"
  },
  "rules": [
   {
    "kind": "skip",
    "type": 0,
    "subtype": 0,
    "structs": [
     "ring-v5/watch_notification"
    ],
    "length": {
     "kind": "padding"
    },
    "events": {}
   },
   {
    "kind": "removal",
    "type": 0,
    "subtype": 1,
    "structs": [
     "ring-v5/watch_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "key",
    "type": 1,
    "subtype": null,
    "structs": [
     "ring-v5/key_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "instantiated",
     "1": "updated",
     "2": "linked",
     "3": "unlinked",
     "4": "cleared",
     "5": "revoked",
     "6": "invalidated",
     "7": "setattr"
    }
   },
   {
    "kind": "block",
    "type": 2,
    "subtype": null,
    "structs": [
     "ring-v5/block_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "1": "error-timeout",
     "2": "error-no-space",
     "3": "error-recoverable-transport",
     "4": "error-critical-target",
     "5": "error-critical-nexus",
     "6": "error-critical-medium",
     "7": "error-protection",
     "8": "error-kernel-resource",
     "9": "error-device-resource",
     "10": "error-io"
    }
   },
   {
    "kind": "usb",
    "type": 3,
    "subtype": null,
    "structs": [
     "ring-v5/usb_notification"
    ],
    "length": {
     "kind": "flexible",
     "base": 17,
     "roundTo": 8
    },
    "events": {
     "0": "device-add",
     "1": "device-remove",
     "2": "bus-add",
     "3": "bus-remove",
     "4": "device-reset",
     "5": "device-error"
    }
   }
  ],
  "flags": {
   "WATCH_INFO_NOTIFICATIONS_LOST": 65536
  },
  "ring": {
   "headerSize": 24,
   "metaSlots": 3,
   "head": 8,
   "tail": 12,
   "mask": 16
  }
 },
 {
  "id": "mmap-v6",
  "transport": "mmap-ring",
  "lengthUnit": 8,
  "lengthMask": 63,
  "lengthShift": 0,
  "idMask": 65280,
  "idShift": 8,
  "typeInfoMask": 4294901760,
  "maxLength": 504,
  "header": {
   "type": {
    "le": 0,
    "be": 8,
    "width": 24
   },
   "subtype": {
    "le": 24,
    "be": 0,
    "width": 8
   }
  },
  "types": {
   "0": "meta",
   "1": "key",
   "2": "block",
   "3": "usb"
  },
  "rules": [
   {
    "kind": "skip",
    "type": 0,
    "subtype": 0,
    "structs": [
     "ring-v5/watch_notification"
    ],
    "length": {
     "kind": "padding"
    },
    "events": {}
   },
   {
    "kind": "removal",
    "type": 0,
    "subtype": 1,
    "structs": [
     "ring-v5/watch_notification",
     "ring-v5/watch_notification_removal"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "key",
    "type": 1,
    "subtype": null,
    "structs": [
     "ring-v5/key_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "instantiated",
     "1": "updated",
     "2": "linked",
     "3": "unlinked",
     "4": "cleared",
     "5": "revoked",
     "6": "invalidated",
     "7": "setattr"
    }
   },
   {
    "kind": "block",
    "type": 2,
    "subtype": null,
    "structs": [
     "ring-v5/block_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "1": "error-timeout",
     "2": "error-no-space",
     "3": "error-recoverable-transport",
     "4": "error-critical-target",
     "5": "error-critical-nexus",
     "6": "error-critical-medium",
     "7": "error-protection",
     "8": "error-kernel-resource",
     "9": "error-device-resource",
     "10": "error-io"
    }
   },
   {
    "kind": "usb",
    "type": 3,
    "subtype": null,
    "structs": [
     "ring-v5/usb_notification"
    ],
    "length": {
     "kind": "flexible",
     "base": 17,
     "roundTo": 8
    },
    "events": {
     "0": "device-add",
     "1": "device-remove",
     "2": "bus-add",
     "3": "bus-remove",
     "4": "device-reset",
     "5": "device-error"
    }
   }
  ],
  "flags": {
   "WATCH_INFO_NOTIFICATIONS_LOST": 65536
  },
  "ring": {
   "headerSize": 24,
   "metaSlots": 3,
   "head": 8,
   "tail": 12,
   "mask": 16
  }
 },
 {
  "id": "mmap-v7",
  "transport": "mmap-ring",
  "lengthUnit": 8,
  "lengthMask": 63,
  "lengthShift": 0,
  "idMask": 65280,
  "idShift": 8,
  "typeInfoMask": 4294901760,
  "maxLength": 504,
  "header": {
   "type": {
    "le": 0,
    "be": 8,
    "width": 24
   },
   "subtype": {
    "le": 24,
    "be": 0,
    "width": 8
   }
  },
  "types": {
   "0": "meta",
   "1": "key",
   "2": "block",
   "3": "usb"
  },
  "rules": [
   {
    "kind": "skip",
    "type": 0,
    "subtype": 0,
    "structs": [
     "ring-v5/watch_notification"
    ],
    "length": {
     "kind": "padding"
    },
    "events": {}
   },
   {
    "kind": "removal",
    "type": 0,
    "subtype": 1,
    "structs": [
     "ring-v5/watch_notification",
     "ring-v5/watch_notification_removal"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "key",
    "type": 1,
    "subtype": null,
    "structs": [
     "ring-v5/key_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "instantiated",
     "1": "updated",
     "2": "linked",
     "3": "unlinked",
     "4": "cleared",
     "5": "revoked",
     "6": "invalidated",
     "7": "setattr"
    }
   },
   {
    "kind": "block",
    "type": 2,
    "subtype": null,
    "structs": [
     "ring-v5/block_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "1": "error-timeout",
     "2": "error-no-space",
     "3": "error-recoverable-transport",
     "4": "error-critical-target",
     "5": "error-critical-nexus",
     "6": "error-critical-medium",
     "7": "error-protection",
     "8": "error-kernel-resource",
     "9": "error-device-resource",
     "10": "error-io"
    }
   },
   {
    "kind": "usb",
    "type": 3,
    "subtype": null,
    "structs": [
     "ring-v5/usb_notification"
    ],
    "length": {
     "kind": "flexible",
     "base": 17,
     "roundTo": 8
    },
    "events": {
     "0": "device-add",
     "1": "device-remove",
     "2": "bus-add",
     "3": "bus-remove",
     "4": "device-reset",
     "5": "device-error"
    }
   }
  ],
  "flags": {
   "WATCH_INFO_NOTIFICATIONS_LOST": 65536
  },
  "ring": {
   "headerSize": 24,
   "metaSlots": 3,
   "head": 8,
   "tail": 12,
   "mask": 16
  }
 },
 {
  "id": "mmap-v8",
  "transport": "mmap-ring",
  "lengthUnit": 8,
  "lengthMask": 63,
  "lengthShift": 0,
  "idMask": 65280,
  "idShift": 8,
  "typeInfoMask": 4294901760,
  "maxLength": 504,
  "header": {
   "type": {
    "le": 0,
    "be": 8,
    "width": 24
   },
   "subtype": {
    "le": 24,
    "be": 0,
    "width": 8
   }
  },
  "types": {
   "0": "meta",
   "1": "key",
   "2": "block",
   "3": "usb"
  },
  "rules": [
   {
    "kind": "skip",
    "type": 0,
    "subtype": 0,
    "structs": [
     "ring-v5/watch_notification"
    ],
    "length": {
     "kind": "padding"
    },
    "events": {}
   },
   {
    "kind": "removal",
    "type": 0,
    "subtype": 1,
    "structs": [
     "ring-v5/watch_notification",
     "ring-v5/watch_notification_removal"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "key",
    "type": 1,
    "subtype": null,
    "structs": [
     "ring-v5/key_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "instantiated",
     "1": "updated",
     "2": "linked",
     "3": "unlinked",
     "4": "cleared",
     "5": "revoked",
     "6": "invalidated",
     "7": "setattr"
    }
   },
   {
    "kind": "block",
    "type": 2,
    "subtype": null,
    "structs": [
     "ring-v5/block_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "1": "error-timeout",
     "2": "error-no-space",
     "3": "error-recoverable-transport",
     "4": "error-critical-target",
     "5": "error-critical-nexus",
     "6": "error-critical-medium",
     "7": "error-protection",
     "8": "error-kernel-resource",
     "9": "error-device-resource",
     "10": "error-io"
    }
   },
   {
    "kind": "usb",
    "type": 3,
    "subtype": null,
    "structs": [
     "ring-v5/usb_notification"
    ],
    "length": {
     "kind": "flexible",
     "base": 17,
     "roundTo": 8
    },
    "events": {
     "0": "device-add",
     "1": "device-remove",
     "2": "device-reset",
     "3": "device-error"
    }
   }
  ],
  "flags": {
   "WATCH_INFO_NOTIFICATIONS_LOST": 65536
  },
  "ring": {
   "headerSize": 24,
   "metaSlots": 3,
   "head": 8,
   "tail": 12,
   "mask": 16
  }
 },
 {
  "id": "pipe-v1",
  "transport": "pipe",
  "lengthUnit": 1,
  "lengthMask": 127,
  "lengthShift": 0,
  "idMask": 65280,
  "idShift": 8,
  "typeInfoMask": 4294901760,
  "maxLength": 127,
  "header": {
   "type": {
    "le": 0,
    "be": 8,
    "width": 24
   },
   "subtype": {
    "le": 24,
    "be": 0,
    "width": 8
   }
  },
  "types": {
   "0": "meta",
   "1": "key",
   "2": "block",
   "3": "usb"
  },
  "rules": [
   {
    "kind": "removal",
    "type": 0,
    "subtype": 0,
    "structs": [
     "pipe/watch_notification",
     "pipe/watch_notification_removal"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "loss",
    "type": 0,
    "subtype": 1,
    "structs": [
     "pipe/watch_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "key",
    "type": 1,
    "subtype": null,
    "structs": [
     "pipe/key_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "instantiated",
     "1": "updated",
     "2": "linked",
     "3": "unlinked",
     "4": "cleared",
     "5": "revoked",
     "6": "invalidated",
     "7": "setattr"
    }
   },
   {
    "kind": "block",
    "type": 2,
    "subtype": null,
    "structs": [
     "pipe/block_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "1": "error-timeout",
     "2": "error-no-space",
     "3": "error-recoverable-transport",
     "4": "error-critical-target",
     "5": "error-critical-nexus",
     "6": "error-critical-medium",
     "7": "error-protection",
     "8": "error-kernel-resource",
     "9": "error-device-resource",
     "10": "error-io"
    }
   },
   {
    "kind": "usb",
    "type": 3,
    "subtype": null,
    "structs": [
     "pipe/usb_notification"
    ],
    "length": {
     "kind": "flexible",
     "base": 17
    },
    "events": {
     "0": "device-add",
     "1": "device-remove",
     "2": "device-reset",
     "3": "device-error"
    }
   }
  ],
  "flags": {}
 },
 {
  "id": "pipe-v2",
  "transport": "pipe",
  "lengthUnit": 1,
  "lengthMask": 127,
  "lengthShift": 0,
  "idMask": 65280,
  "idShift": 8,
  "typeInfoMask": 4294901760,
  "maxLength": 127,
  "header": {
   "type": {
    "le": 0,
    "be": 8,
    "width": 24
   },
   "subtype": {
    "le": 24,
    "be": 0,
    "width": 8
   }
  },
  "types": {
   "0": "meta",
   "1": "key",
   "2": "block",
   "3": "usb"
  },
  "rules": [
   {
    "kind": "removal",
    "type": 0,
    "subtype": 0,
    "structs": [
     "pipe/watch_notification",
     "pipe/watch_notification_removal"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "loss",
    "type": 0,
    "subtype": 1,
    "structs": [
     "pipe/watch_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "key",
    "type": 1,
    "subtype": null,
    "structs": [
     "pipe/key_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "instantiated",
     "1": "updated",
     "2": "linked",
     "3": "unlinked",
     "4": "cleared",
     "5": "revoked",
     "6": "invalidated",
     "7": "setattr"
    }
   },
   {
    "kind": "block",
    "type": 2,
    "subtype": null,
    "structs": [
     "pipe/block_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "1": "error-timeout",
     "2": "error-no-space",
     "3": "error-recoverable-transport",
     "4": "error-critical-target",
     "5": "error-critical-nexus",
     "6": "error-critical-medium",
     "7": "error-protection",
     "8": "error-kernel-resource",
     "9": "error-device-resource",
     "10": "error-io"
    }
   },
   {
    "kind": "usb",
    "type": 3,
    "subtype": null,
    "structs": [
     "pipe/usb_notification"
    ],
    "length": {
     "kind": "flexible",
     "base": 17
    },
    "events": {
     "0": "device-add",
     "1": "device-remove",
     "2": "device-reset",
     "3": "device-error"
    }
   }
  ],
  "flags": {}
 },
 {
  "id": "pipe-v3",
  "transport": "pipe",
  "lengthUnit": 1,
  "lengthMask": 127,
  "lengthShift": 0,
  "idMask": 65280,
  "idShift": 8,
  "typeInfoMask": 4294901760,
  "maxLength": 127,
  "header": {
   "type": {
    "le": 0,
    "be": 8,
    "width": 24
   },
   "subtype": {
    "le": 24,
    "be": 0,
    "width": 8
   }
  },
  "types": {
   "0": "meta",
   "1": "key",
   "2": "block",
   "3": "usb"
  },
  "rules": [
   {
    "kind": "removal",
    "type": 0,
    "subtype": 0,
    "structs": [
     "pipe/watch_notification",
     "pipe/watch_notification_removal"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "loss",
    "type": 0,
    "subtype": 1,
    "structs": [
     "pipe/watch_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "key",
    "type": 1,
    "subtype": null,
    "structs": [
     "pipe/key_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "instantiated",
     "1": "updated",
     "2": "linked",
     "3": "unlinked",
     "4": "cleared",
     "5": "revoked",
     "6": "invalidated",
     "7": "setattr"
    }
   },
   {
    "kind": "block",
    "type": 2,
    "subtype": null,
    "structs": [
     "pipe/block_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "1": "error-timeout",
     "2": "error-no-space",
     "3": "error-recoverable-transport",
     "4": "error-critical-target",
     "5": "error-critical-nexus",
     "6": "error-critical-medium",
     "7": "error-protection",
     "8": "error-kernel-resource",
     "9": "error-device-resource",
     "10": "error-io"
    }
   },
   {
    "kind": "usb",
    "type": 3,
    "subtype": null,
    "structs": [
     "pipe/usb_notification"
    ],
    "length": {
     "kind": "flexible",
     "base": 17
    },
    "events": {
     "0": "device-add",
     "1": "device-remove",
     "2": "device-reset",
     "3": "device-error"
    }
   }
  ],
  "flags": {}
 },
 {
  "id": "fsinfo-v16",
  "transport": "pipe",
  "lengthUnit": 1,
  "lengthMask": 127,
  "lengthShift": 0,
  "idMask": 65280,
  "idShift": 8,
  "typeInfoMask": 4294901760,
  "maxLength": 127,
  "header": {
   "type": {
    "le": 0,
    "be": 8,
    "width": 24
   },
   "subtype": {
    "le": 24,
    "be": 0,
    "width": 8
   }
  },
  "types": {
   "0": "meta",
   "1": "key",
   "2": "mount",
   "3": "sb"
  },
  "rules": [
   {
    "kind": "removal",
    "type": 0,
    "subtype": 0,
    "structs": [
     "pipe/watch_notification",
     "pipe/watch_notification_removal"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "loss",
    "type": 0,
    "subtype": 1,
    "structs": [
     "pipe/watch_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "key",
    "type": 1,
    "subtype": null,
    "structs": [
     "pipe/key_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "instantiated",
     "1": "updated",
     "2": "linked",
     "3": "unlinked",
     "4": "cleared",
     "5": "revoked",
     "6": "invalidated",
     "7": "setattr"
    }
   },
   {
    "kind": "mount",
    "type": 2,
    "subtype": null,
    "structs": [
     "pipe/mount_notification~2020-02"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "new-mount",
     "1": "unmount",
     "2": "expiry",
     "3": "readonly",
     "4": "setattr",
     "5": "move-from",
     "6": "move-to"
    }
   },
   {
    "kind": "superblock-error",
    "type": 3,
    "subtype": 1,
    "structs": [
     "pipe/superblock_error_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "readonly",
     "1": "error",
     "2": "edquot",
     "3": "network"
    }
   },
   {
    "kind": "superblock",
    "type": 3,
    "subtype": null,
    "structs": [
     "pipe/superblock_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "readonly",
     "1": "error",
     "2": "edquot",
     "3": "network"
    }
   }
  ],
  "flags": {}
 },
 {
  "id": "fsinfo-v17",
  "transport": "pipe",
  "lengthUnit": 1,
  "lengthMask": 127,
  "lengthShift": 0,
  "idMask": 65280,
  "idShift": 8,
  "typeInfoMask": 4294901760,
  "maxLength": 127,
  "header": {
   "type": {
    "le": 0,
    "be": 8,
    "width": 24
   },
   "subtype": {
    "le": 24,
    "be": 0,
    "width": 8
   }
  },
  "types": {
   "0": "meta",
   "1": "key",
   "2": "mount",
   "3": "sb"
  },
  "rules": [
   {
    "kind": "removal",
    "type": 0,
    "subtype": 0,
    "structs": [
     "pipe/watch_notification",
     "pipe/watch_notification_removal"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "loss",
    "type": 0,
    "subtype": 1,
    "structs": [
     "pipe/watch_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "key",
    "type": 1,
    "subtype": null,
    "structs": [
     "pipe/key_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "instantiated",
     "1": "updated",
     "2": "linked",
     "3": "unlinked",
     "4": "cleared",
     "5": "revoked",
     "6": "invalidated",
     "7": "setattr"
    }
   },
   {
    "kind": "mount",
    "type": 2,
    "subtype": null,
    "structs": [
     "pipe/mount_notification~2020-02"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "new-mount",
     "1": "unmount",
     "2": "expiry",
     "3": "readonly",
     "4": "setattr",
     "5": "move-from",
     "6": "move-to"
    }
   },
   {
    "kind": "superblock-error",
    "type": 3,
    "subtype": 1,
    "structs": [
     "pipe/superblock_error_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "readonly",
     "1": "error",
     "2": "edquot",
     "3": "network"
    }
   },
   {
    "kind": "superblock",
    "type": 3,
    "subtype": null,
    "structs": [
     "pipe/superblock_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "readonly",
     "1": "error",
     "2": "edquot",
     "3": "network"
    }
   }
  ],
  "flags": {}
 },
 {
  "id": "pipe-v4",
  "transport": "pipe",
  "lengthUnit": 1,
  "lengthMask": 127,
  "lengthShift": 0,
  "idMask": 65280,
  "idShift": 8,
  "typeInfoMask": 4294901760,
  "maxLength": 127,
  "header": {
   "type": {
    "le": 0,
    "be": 8,
    "width": 24
   },
   "subtype": {
    "le": 24,
    "be": 0,
    "width": 8
   }
  },
  "types": {
   "0": "meta",
   "1": "key",
   "2": "mount",
   "3": "sb"
  },
  "rules": [
   {
    "kind": "removal",
    "type": 0,
    "subtype": 0,
    "structs": [
     "pipe/watch_notification",
     "pipe/watch_notification_removal"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "loss",
    "type": 0,
    "subtype": 1,
    "structs": [
     "pipe/watch_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "key",
    "type": 1,
    "subtype": null,
    "structs": [
     "pipe/key_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "instantiated",
     "1": "updated",
     "2": "linked",
     "3": "unlinked",
     "4": "cleared",
     "5": "revoked",
     "6": "invalidated",
     "7": "setattr"
    }
   },
   {
    "kind": "mount",
    "type": 2,
    "subtype": null,
    "structs": [
     "pipe/mount_notification~2020-02"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "new-mount",
     "1": "unmount",
     "2": "expiry",
     "3": "readonly",
     "4": "setattr",
     "5": "move-from",
     "6": "move-to"
    }
   },
   {
    "kind": "superblock-error",
    "type": 3,
    "subtype": 1,
    "structs": [
     "pipe/superblock_error_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "readonly",
     "1": "error",
     "2": "edquot",
     "3": "network"
    }
   },
   {
    "kind": "superblock",
    "type": 3,
    "subtype": null,
    "structs": [
     "pipe/superblock_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "readonly",
     "1": "error",
     "2": "edquot",
     "3": "network"
    }
   }
  ],
  "flags": {}
 },
 {
  "id": "pipe-v5",
  "transport": "pipe",
  "lengthUnit": 1,
  "lengthMask": 127,
  "lengthShift": 0,
  "idMask": 65280,
  "idShift": 8,
  "typeInfoMask": 4294901760,
  "maxLength": 127,
  "header": {
   "type": {
    "le": 0,
    "be": 8,
    "width": 24
   },
   "subtype": {
    "le": 24,
    "be": 0,
    "width": 8
   }
  },
  "types": {
   "0": "meta",
   "1": "key",
   "2": "mount",
   "3": "sb"
  },
  "rules": [
   {
    "kind": "removal",
    "type": 0,
    "subtype": 0,
    "structs": [
     "pipe/watch_notification",
     "pipe/watch_notification_removal"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "loss",
    "type": 0,
    "subtype": 1,
    "structs": [
     "pipe/watch_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "key",
    "type": 1,
    "subtype": null,
    "structs": [
     "pipe/key_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "instantiated",
     "1": "updated",
     "2": "linked",
     "3": "unlinked",
     "4": "cleared",
     "5": "revoked",
     "6": "invalidated",
     "7": "setattr"
    }
   },
   {
    "kind": "mount",
    "type": 2,
    "subtype": null,
    "structs": [
     "pipe/mount_notification~2020-03"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "new-mount",
     "1": "unmount",
     "2": "expiry",
     "3": "readonly",
     "4": "setattr",
     "5": "move-from",
     "6": "move-to"
    }
   },
   {
    "kind": "superblock-error",
    "type": 3,
    "subtype": 1,
    "structs": [
     "pipe/superblock_error_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "readonly",
     "1": "error",
     "2": "edquot",
     "3": "network"
    }
   },
   {
    "kind": "superblock",
    "type": 3,
    "subtype": null,
    "structs": [
     "pipe/superblock_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "readonly",
     "1": "error",
     "2": "edquot",
     "3": "network"
    }
   }
  ],
  "flags": {}
 },
 {
  "id": "mainline",
  "transport": "pipe",
  "lengthUnit": 1,
  "lengthMask": 127,
  "lengthShift": 0,
  "idMask": 65280,
  "idShift": 8,
  "typeInfoMask": 4294901760,
  "maxLength": 127,
  "header": {
   "type": {
    "le": 0,
    "be": 8,
    "width": 24
   },
   "subtype": {
    "le": 24,
    "be": 0,
    "width": 8
   }
  },
  "types": {
   "0": "meta",
   "1": "key"
  },
  "rules": [
   {
    "kind": "removal",
    "type": 0,
    "subtype": 0,
    "structs": [
     "pipe/watch_notification",
     "pipe/watch_notification_removal"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "loss",
    "type": 0,
    "subtype": 1,
    "structs": [
     "pipe/watch_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "key",
    "type": 1,
    "subtype": null,
    "structs": [
     "pipe/key_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "instantiated",
     "1": "updated",
     "2": "linked",
     "3": "unlinked",
     "4": "cleared",
     "5": "revoked",
     "6": "invalidated",
     "7": "setattr"
    }
   }
  ],
  "flags": {}
 },
 {
  "id": "mount-2020-07",
  "transport": "pipe",
  "lengthUnit": 1,
  "lengthMask": 127,
  "lengthShift": 0,
  "idMask": 65280,
  "idShift": 8,
  "typeInfoMask": 4294901760,
  "maxLength": 127,
  "header": {
   "type": {
    "le": 0,
    "be": 8,
    "width": 24
   },
   "subtype": {
    "le": 24,
    "be": 0,
    "width": 8
   }
  },
  "types": {
   "0": "meta",
   "1": "key",
   "2": "mount"
  },
  "rules": [
   {
    "kind": "removal",
    "type": 0,
    "subtype": 0,
    "structs": [
     "pipe/watch_notification",
     "pipe/watch_notification_removal"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "loss",
    "type": 0,
    "subtype": 1,
    "structs": [
     "pipe/watch_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "key",
    "type": 1,
    "subtype": null,
    "structs": [
     "pipe/key_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "instantiated",
     "1": "updated",
     "2": "linked",
     "3": "unlinked",
     "4": "cleared",
     "5": "revoked",
     "6": "invalidated",
     "7": "setattr"
    }
   },
   {
    "kind": "mount",
    "type": 2,
    "subtype": null,
    "structs": [
     "pipe/mount_notification~2020-03"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "new-mount",
     "1": "unmount",
     "2": "expiry",
     "3": "readonly",
     "4": "setattr",
     "5": "move-from",
     "6": "move-to"
    }
   }
  ],
  "flags": {}
 },
 {
  "id": "mount-2020-08",
  "transport": "pipe",
  "lengthUnit": 1,
  "lengthMask": 127,
  "lengthShift": 0,
  "idMask": 65280,
  "idShift": 8,
  "typeInfoMask": 4294901760,
  "maxLength": 127,
  "header": {
   "type": {
    "le": 0,
    "be": 8,
    "width": 24
   },
   "subtype": {
    "le": 24,
    "be": 0,
    "width": 8
   }
  },
  "types": {
   "0": "meta",
   "1": "key",
   "2": "mount"
  },
  "rules": [
   {
    "kind": "removal",
    "type": 0,
    "subtype": 0,
    "structs": [
     "pipe/watch_notification",
     "pipe/watch_notification_removal"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "loss",
    "type": 0,
    "subtype": 1,
    "structs": [
     "pipe/watch_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {}
   },
   {
    "kind": "key",
    "type": 1,
    "subtype": null,
    "structs": [
     "pipe/key_notification"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "instantiated",
     "1": "updated",
     "2": "linked",
     "3": "unlinked",
     "4": "cleared",
     "5": "revoked",
     "6": "invalidated",
     "7": "setattr"
    }
   },
   {
    "kind": "mount",
    "type": 2,
    "subtype": null,
    "structs": [
     "pipe/mount_notification~2020-08"
    ],
    "length": {
     "kind": "fixed"
    },
    "events": {
     "0": "new-mount",
     "1": "unmount",
     "2": "expiry",
     "3": "readonly",
     "4": "setattr",
     "5": "move-from",
     "6": "move-to"
    }
   }
  ],
  "flags": {}
 }
]
