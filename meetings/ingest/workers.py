"""Extraction in worker processes, so the cores extract while the main process stores.

No Django here: workers are started with "spawn" (a fresh interpreter, nothing inherited — no
database connection, no threads) and import only the extractor. Documents go out in chunks of
`batch_size`, round robin, and results come back chunk by chunk in the same order, so the
caller sees exactly what `Extractor.extract_many` would give, in order. At most two chunks per
worker are in flight: memory stays flat however many documents there are.

Workers end with their parent: on Ctrl-C or SIGTERM the parent stops them on its way out (the
generator's `finally`), and when the parent is killed outright each worker notices within a
second (a thread watching the parent's sentinel) and exits.
"""

import multiprocessing
import os
import queue
import threading
from collections import deque

_DONE = None


class WorkerFailed(RuntimeError):
    pass


def _work(model_name, batch_size, inbox, outbox):
    """A worker process: load the model once, extract each chunk that arrives."""
    threading.Thread(target=_exit_with_parent, daemon=True).start()
    try:
        from meetings.extraction import Extractor

        extractor = Extractor(model_name)
        while (chunk := inbox.get()) is not _DONE:
            outbox.put(list(extractor.extract_many(chunk, batch_size=batch_size)))
    except BaseException as err:  # noqa: BLE001 - reported to the parent, which stops cleanly
        outbox.put({"fatal": f"an extraction process failed: {type(err).__name__}: {err}"})


def _exit_with_parent():
    parent = multiprocessing.parent_process()
    if parent is not None:
        parent.join()  # returns when the parent is gone, however it ended
        os._exit(1)


class _Worker:
    def __init__(self, context, model_name, batch_size):
        self.inbox, self.outbox = context.Queue(), context.Queue()
        self.process = context.Process(
            target=_work, args=(model_name, batch_size, self.inbox, self.outbox), daemon=True
        )
        self.process.start()

    def receive(self):
        while True:
            try:
                results = self.outbox.get(timeout=5)
            except queue.Empty:
                if not self.process.is_alive():
                    raise WorkerFailed("an extraction process stopped unexpectedly") from None
                continue
            if isinstance(results, dict):
                raise WorkerFailed(results["fatal"])
            return results

    def stop(self):
        if self.process.is_alive():
            self.inbox.put(_DONE)
            self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)
        # The worker is gone: whatever is still buffered for it must not keep this process from
        # exiting (a Queue otherwise waits at exit until its buffer reaches the pipe).
        for channel in (self.inbox, self.outbox):
            channel.cancel_join_thread()
            channel.close()


def extract_in_workers(items, model_name, batch_size, workers):
    """Like `Extractor(model_name).extract_many(items, batch_size)`, with `workers` processes."""
    context = multiprocessing.get_context("spawn")
    pool = [_Worker(context, model_name, batch_size) for _ in range(workers)]
    in_flight = deque()  # the worker of each chunk sent, in order
    sent = 0

    def send(chunk):
        nonlocal sent
        worker = pool[sent % workers]
        worker.inbox.put(chunk)
        in_flight.append(worker)
        sent += 1

    try:
        chunk = []
        for item in items:
            chunk.append(item)
            if len(chunk) == batch_size:
                send(chunk)
                chunk = []
                while len(in_flight) >= 2 * workers:
                    yield from in_flight.popleft().receive()
        if chunk:
            send(chunk)
        while in_flight:
            yield from in_flight.popleft().receive()
    finally:
        for worker in pool:
            worker.stop()
