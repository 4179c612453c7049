#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// A temporary file with no name: made readable by this user only, with no name in any folder
/// (made nameless on Linux; elsewhere removed from its folder right after it is opened), so
/// that it is gone however the process ends (even killed), and the space it takes is given back
/// when it is closed. Bytes are appended and read back by place.
final class SpillFile: Sendable {
    /// Where some bytes were put.
    struct Place: Sendable, Hashable {
        let offset: Int
        let count: Int
    }

    private let descriptor: Int32
    /// The end of what was written; only the holder's serialised calls change it.
    private let end = Mutex<Int>(0)

    /// A new file in the temporary folder, nil if none can be made.
    init?() {
        let folder = FileManager.default.temporaryDirectory.path
        if let nameless = Self.openNameless(in: folder) {
            descriptor = nameless
            return
        }
        // Where the file system cannot make a file without a name: one made with a name no
        // other process can have taken, removed at once.
        let path = (folder as NSString).appendingPathComponent("firebreak-held-\(UUID().uuidString)")
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        // A file that keeps its name is not used: it could be left behind.
        guard unlink(path) == 0 else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
    }

    /// A file that never has a name (Linux's `O_TMPFILE`), or nil where the system or the
    /// file system does not make one.
    private static func openNameless(in folder: String) -> Int32? {
        #if os(Linux)
        // `O_TMPFILE` is a macro Swift does not import: `__O_TMPFILE | O_DIRECTORY`.
        let descriptor = open(folder, 0o20000000 | O_DIRECTORY | O_RDWR | O_CLOEXEC, 0o600)
        return descriptor >= 0 ? descriptor : nil
        #else
        return nil
        #endif
    }

    /// How many names the file has in its folder: 0 once it is made.
    var names: Int {
        var status = stat()
        return fstat(descriptor, &status) == 0 ? Int(status.st_nlink) : -1
    }

    deinit { close(descriptor) }

    /// Appends the chunks; nil if the file cannot take them.
    func append(_ chunks: [[UInt8]]) -> Place? {
        end.withLock { end in
            let start = end
            var offset = start
            for chunk in chunks {
                let written = chunk.withUnsafeBytes { bytes in Self.all(bytes.count) { done in
                    pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
                } }
                guard written else {
                    // What was written of these chunks is given back; the entries before stay.
                    _ = ftruncate(descriptor, off_t(start))
                    return nil
                }
                offset += chunk.count
            }
            end = offset
            return Place(offset: start, count: offset - start)
        }
    }

    /// The bytes at a place; nil if they cannot be read back.
    func read(_ place: Place) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: place.count)
        let read = bytes.withUnsafeMutableBytes { buffer in Self.all(place.count) { done in
            pread(descriptor, buffer.baseAddress! + done, place.count - done, off_t(place.offset + done))
        } }
        return read ? bytes : nil
    }

    /// Bytes written and not yet given back.
    var size: Int { end.withLock { $0 } }

    /// Empties the file, giving its space back: for when nothing in it is wanted any more.
    func empty() {
        end.withLock { end in
            if ftruncate(descriptor, 0) == 0 { end = 0 }
        }
    }

    /// Repeats a transfer until `count` bytes are done: false on an error or an early end.
    private static func all(_ count: Int, _ transfer: (_ done: Int) -> Int) -> Bool {
        var done = 0
        while done < count {
            let moved = transfer(done)
            if moved < 0, errno == EINTR { continue }
            guard moved > 0 else { return false }
            done += moved
        }
        return true
    }
}
