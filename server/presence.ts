// Presence under read-only (issue #16): a connection's awareness may describe one client id, its
// own, the first one it announces that no other connection (here or, through Redis, on another
// instance) already presents under. Every other entry of its updates is dropped, so a viewer
// cannot publish presence under the owner's client id.
export class PresenceClaims {
  /** socket → workspace → its client id. */
  private readonly bySocket = new Map<object, Map<string, number>>();
  /** workspace → client id → the socket presenting under it. */
  private readonly byWorkspace = new Map<string, Map<number, object>>();

  /** Binds the socket's client id in `workspace` from the ids its awareness frame describes. */
  claim(
    socket: object,
    workspace: string,
    ids: readonly number[],
    presentElsewhere: (id: number) => boolean,
  ): void {
    if (this.own(socket, workspace) !== undefined) return;
    const taken = this.byWorkspace.get(workspace) ?? new Map<number, object>();
    const id = ids.find((c) => !taken.has(c) && !presentElsewhere(c));
    if (id === undefined) return;
    taken.set(id, socket);
    this.byWorkspace.set(workspace, taken);
    const mine = this.bySocket.get(socket) ?? new Map<string, number>();
    mine.set(workspace, id);
    this.bySocket.set(socket, mine);
  }

  own(socket: object, workspace: string): number | undefined {
    return this.bySocket.get(socket)?.get(workspace);
  }

  /** The socket closed: its client ids are free again. */
  release(socket: object): void {
    for (const [workspace, id] of this.bySocket.get(socket) ?? []) {
      const taken = this.byWorkspace.get(workspace);
      if (taken?.get(id) === socket) taken.delete(id);
      if (taken?.size === 0) this.byWorkspace.delete(workspace);
    }
    this.bySocket.delete(socket);
  }
}
