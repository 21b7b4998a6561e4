export default defineBackground(() => {
  // Routes messages, runs alarms and badges; holds no document state (MV3 stops it when idle).
});
