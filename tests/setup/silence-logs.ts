import { configureLogger } from "../../server/lib/logger";

// Test output stays readable; set TEST_LOG_LEVEL=debug to see server logs.
configureLogger({ level: process.env.TEST_LOG_LEVEL ?? "silent", pretty: false });
